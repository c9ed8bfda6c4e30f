// Content script entry. Page detection, observation and the overlay land with the overlay issue.
export {};
