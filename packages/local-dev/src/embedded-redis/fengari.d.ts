// fengari ships no type definitions; lua-engine.ts is its only user and wraps it in typed functions.
declare module 'fengari';
