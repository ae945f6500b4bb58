"""Reading documents: formats, encodings, normalization with an offset map."""
