//! Language-aware text units shared by the extractor, the reader and the notes:
//! tokens and sentences.
