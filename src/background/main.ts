// Service worker entry. The promotion store, message router and reminders land with the worker issue.
export {};
