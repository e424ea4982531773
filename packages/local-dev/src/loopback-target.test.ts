import { describe, expect, it } from 'vitest';
import { parseLoopbackTarget } from './loopback-target.ts';

describe('parseLoopbackTarget', () => {
  it.each([
    ['127.0.0.1:5432', { host: '127.0.0.1', port: 5432 }],
    ['127.12.0.9:6543', { host: '127.12.0.9', port: 6543 }],
    ['localhost:5432', { host: '127.0.0.1', port: 5432 }],
    ['LOCALHOST:1', { host: '127.0.0.1', port: 1 }],
    ['[::1]:5432', { host: '::1', port: 5432 }],
    ['::1:5432', { host: '::1', port: 5432 }],
    ['0:0:0:0:0:0:0:1:5432', { host: '0:0:0:0:0:0:0:1', port: 5432 }],
    ['::ffff:127.0.0.1:5432', { host: '::ffff:127.0.0.1', port: 5432 }],
  ])('accepts loopback %s', (address, expected) => {
    expect(parseLoopbackTarget(address)).toEqual(expected);
  });

  it.each([
    null,
    '',
    '10.0.0.1:5432',
    '128.0.0.1:5432',
    '0.0.0.0:5432',
    '::2:5432',
    '::ffff:10.0.0.1:5432',
    'example.com:5432',
    'localhost.example.com:5432',
    '127.0.0.1',
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '127.0.0.1:54x',
    ':5432',
  ])('refuses %s', (address) => {
    expect(parseLoopbackTarget(address)).toBeNull();
  });
});
