-- Who sells in each store (company name, address, SIRET, VAT number), printed on every ticket; kept as the
-- terminal's JSON. The stores feed is read again from the start so that every store gets it.
ALTER TABLE stores ADD COLUMN legal TEXT;
UPDATE sync_state SET cursor = NULL WHERE feed = 'stores';
