DROP TABLE core_progression;
