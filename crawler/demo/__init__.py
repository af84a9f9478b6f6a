"""The bundled demo network (``wirecrawl demo``): eight news sites in six languages."""
