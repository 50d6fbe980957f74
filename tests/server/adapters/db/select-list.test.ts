import { describe, expect, it } from 'vitest';
import { selectList } from '../../../../server/adapters/db/select-list';
import { videos } from '../../../../server/ports/db-schema/tables';

describe('selectList', () => {
  it('reads bigint and numeric as text under their own names, the rest as they are', () => {
    expect(selectList(videos, ['id', 'size_bytes', 'progress', 'uploaded_at'], 'v')).toBe(
      'v.id, v.size_bytes::text as size_bytes, v.progress::text as progress, v.uploaded_at',
    );
  });

  it('refuses a column the table does not declare, whatever the caller cast', () => {
    const columns = ['id', 'no_such_column'] as unknown as (keyof typeof videos.columns)[];
    expect(() => selectList(videos, columns)).toThrow('videos has no declared column no_such_column');
  });
});
