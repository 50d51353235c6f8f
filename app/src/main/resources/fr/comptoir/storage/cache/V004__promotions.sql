-- Promotions published by the central platform, as their contract JSON (few, read whole by the pricing engine).
CREATE TABLE promotions (
    id   TEXT PRIMARY KEY,
    body TEXT NOT NULL
);
