"""Bytes to clean text and metadata: pure functions, no network, no database."""

from pipeline.parse.document import ParseError, decode_document, detect_format, parse_document

__all__ = ["ParseError", "decode_document", "detect_format", "parse_document"]
