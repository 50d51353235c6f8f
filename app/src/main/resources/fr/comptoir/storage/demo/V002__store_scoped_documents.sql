-- Records private to one store (its staff, its pickup queue): only that store's devices read them.
ALTER TABLE docs ADD COLUMN scope TEXT;
