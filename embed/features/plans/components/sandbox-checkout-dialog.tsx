import { useRef } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import type { TierConfig } from '../../../../shared/schemas/plan';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { Spinner } from '../../../ui/spinner';
import { formatPrice, questionsAllowance } from '../plan-labels';
import '../plans.css';

export interface SandboxCheckoutDialogProps {
  tier: TierConfig;
  checkoutId: string;
  paying: boolean;
  error: ApiError | undefined;
  onPay: () => void;
  onCancel: () => void;
}

/**
 * The local sandbox's stand-in for Whop's checkout window. Nothing is charged: "Pay" makes
 * the server send itself the signed webhook Whop would send after a real payment.
 */
export function SandboxCheckoutDialog({
  tier,
  checkoutId,
  paying,
  error,
  onPay,
  onCancel,
}: SandboxCheckoutDialogProps) {
  const pay = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title="Sandbox checkout — no real payment"
      eyebrow={<Badge tone="warning">Sandbox</Badge>}
      onClose={onCancel}
      dismissible={!paying}
      initialFocus={pay}
      actions={
        <>
          <Button onClick={onCancel} disabled={paying}>
            Cancel
          </Button>
          <Button ref={pay} variant="primary" onClick={onPay} disabled={paying}>
            {paying ? (
              <>
                <Spinner label="Paying" /> Paying…
              </>
            ) : (
              'Pay (simulated)'
            )}
          </Button>
        </>
      }
    >
      <div className="checkout-summary">
        <p className="checkout-summary__name">Chronos {tier.displayName}</p>
        <p className="checkout-summary__price">{formatPrice(tier.priceCentsMonthly)}</p>
        <p className="checkout-summary__detail">Questions: {questionsAllowance(tier)}</p>
      </div>
      <p>
        This stands in for Whop's checkout while Chronos runs in the local sandbox. Paying sends Chronos the signed{' '}
        <code>membership.activated</code> webhook Whop would send, and that is what changes your plan.
      </p>
      <p className="dialog__fine">
        Checkout <code>{checkoutId}</code>
        {tier.planId ? (
          <>
            {' '}
            · plan <code>{tier.planId}</code>
          </>
        ) : null}
      </p>
      {error ? <ErrorNotice error={error} title="The simulated payment failed" /> : null}
    </Dialog>
  );
}
