// The compiled translations are added to this object library as resources (:/i18n/*.qm).
