-- Portable SQL: runs on H2 2.x and PostgreSQL 15+.
-- Every sort key of the orders listing reads a page through an index: the number of item lines,
-- counted per row on every page before, is kept in the order (an order's lines never change after
-- it is created), and the version gets its index too.
ALTER TABLE orders ADD COLUMN item_count INT DEFAULT 0 NOT NULL;
UPDATE orders SET item_count = (SELECT COUNT(*) FROM order_items i WHERE i.order_id = orders.id);
CREATE INDEX orders_item_count_id ON orders (item_count, id);
CREATE INDEX orders_version_id ON orders (version, id);
