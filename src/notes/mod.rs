//! Highlights and notes: the model, the store, re-anchoring.
