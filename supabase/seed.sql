-- Seed for a local Supabase (`npx supabase db reset`). Reference data that production
-- needs (tier_configurations) lives in the migrations; this file only adds the demo
-- community the local Whop sandbox uses, so a Supabase-backed dev server matches `npm start`.
insert into creators (id, name) values
  ('biz_crumbdemo', 'Crumb & Co. Baking School'),
  ('biz_peakdemo', 'Peak Climbing Academy')
on conflict (id) do nothing;

insert into experiences (id, creator_id, name) values
  ('exp_sourdough', 'biz_crumbdemo', 'Sourdough Foundations'),
  ('exp_peakclimb', 'biz_peakdemo', 'First Steps on Rock')
on conflict (id) do nothing;
