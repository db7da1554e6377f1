"""ETL for the TIP tier dashboard: public sources -> data/ (canonical CSV) -> database."""
