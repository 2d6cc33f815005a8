export * from '@cs/calendar';
