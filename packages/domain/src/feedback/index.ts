export * from "./feedback.ts";
export * from "./default-theme-dictionaries.ts";
export * from "./tag-themes.ts";
export * from "./sentiment-lexicons.ts";
export * from "./score-sentiment.ts";
export * from "./rising-themes.ts";
