// popup entry: its views land with the popup and options issue.
export {};
