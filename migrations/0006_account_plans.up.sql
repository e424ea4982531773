-- The highest key tier an account may create for itself. Self-service sign-ups start on `free`;
-- an operator raises it (`npm run keys -- plan`). Operators' CLI keys are not bound by it.
ALTER TABLE accounts
  ADD COLUMN plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise'));
