import { ConfigError, loadConfig } from './app-config.js';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('defaults the issuer to localhost on the port', () => {
    const config = loadConfig({ PORT: '4100', NEXINID_DATA_DIR: 'memory://', NODE_ENV: 'test' });
    expect(config.issuer).toBe('http://localhost:4100');
    expect(config.embeddedDatabase).toBe(true);
  });

  it('refuses an http issuer and a missing master key in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', NEXINID_ISSUER: 'http://id.example.com', DATABASE_URL: 'postgres://x/y' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production', NEXINID_ISSUER: 'http://id.example.com', DATABASE_URL: 'postgres://x/y' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'NEXINID_ISSUER must use https in production',
        'NEXINID_MASTER_KEY is required in production',
      ]);
    }
  });

  it('refuses the embedded database in production unless told so', () => {
    const env = { NODE_ENV: 'production', NEXINID_ISSUER: 'https://id.example.com', NEXINID_MASTER_KEY: key };
    expect(() => loadConfig(env)).toThrow(/DATABASE_URL/);
    expect(loadConfig({ ...env, NEXINID_ALLOW_EMBEDDED_DB: 'true' }).production).toBe(true);
  });

  it('names every bad value', () => {
    expect(() => loadConfig({ PORT: 'abc', NEXINID_MASTER_KEY: 'short', DATABASE_URL: 'mysql://x', DATABASE_POOL_SIZE: '0' })).toThrow(
      /PORT must be an integer[\s\S]*DATABASE_URL must be a postgres[\s\S]*DATABASE_POOL_SIZE[\s\S]*NEXINID_MASTER_KEY must be 32 bytes/,
    );
  });

  it('sizes the PostgreSQL pool', () => {
    expect(loadConfig({ NEXINID_DATA_DIR: 'memory://' }).databasePoolSize).toBe(20);
    expect(loadConfig({ NEXINID_DATA_DIR: 'memory://', DATABASE_POOL_SIZE: '8' }).databasePoolSize).toBe(8);
  });

  it('takes a metrics token of 16 to 256 printable characters, or none', () => {
    expect(loadConfig({ NEXINID_DATA_DIR: 'memory://' }).metricsToken).toBeUndefined();
    expect(loadConfig({ NEXINID_DATA_DIR: 'memory://', NEXINID_METRICS_TOKEN: 'prometheus-scrape-7f3a' }).metricsToken).toBe('prometheus-scrape-7f3a');
    for (const bad of ['short', 'has a space in it, so no', `${'x'.repeat(257)}`]) {
      expect(() => loadConfig({ NEXINID_DATA_DIR: 'memory://', NEXINID_METRICS_TOKEN: bad })).toThrow(/NEXINID_METRICS_TOKEN must be 16 to 256 printable characters/);
    }
  });
});
