// Fluent's dark theme, fetched by mount.tsx only under a dark Office theme.
export { webDarkTheme } from "@fluentui/react-components";
