-- A trip's listed price should be one a passenger can pay. On the sleeper
-- every berth carried a supplement, so its listed price bought nothing; now
-- its upper berths cost the trip's price and only lower berths (and the
-- 2+1 coach's single seats) carry a supplement. Seats of existing sleeper
-- trips follow; bookings keep the totals they were made with.
update seats s
set price_class = null,
  price_cents = greatest(s.price_cents - c.supplement_cents, 0)
from trips t
join layout_price_classes c on c.layout_id = t.layout_id
where s.trip_id = t.id and s.price_class = c.code and c.code = 'upper-berth';

update layout_seats set price_class = null where price_class = 'upper-berth';

delete from layout_price_classes where code = 'upper-berth';
