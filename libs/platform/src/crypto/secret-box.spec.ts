import { AppConfig, loadConfig } from '../config/app-config.js';
import { MasterKeyMismatch, SecretBox } from './secret-box.js';
import { SecretHasher } from './secret-hasher.js';

const config = (): AppConfig => loadConfig({ NODE_ENV: 'test', NEXINID_DATA_DIR: 'memory://' });

describe('SecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = new SecretBox(config());
    const sealed = box.encrypt('private-key-material', 'signing-key:k1');
    expect(sealed).not.toContain('private-key-material');
    expect(box.decrypt(sealed, 'signing-key:k1')).toBe('private-key-material');
  });

  it('refuses a value moved to another context or opened under another master key', () => {
    const box = new SecretBox(config());
    const sealed = box.encrypt('s3cret', 'webhook:a');
    expect(() => box.decrypt(sealed, 'webhook:b')).toThrow(MasterKeyMismatch);
    expect(() => new SecretBox(config()).decrypt(sealed, 'webhook:a')).toThrow(/webhook:a\) does not open with this NEXINID_MASTER_KEY/);
  });
});

describe('SecretHasher', () => {
  it('verifies the right secret only', () => {
    const hasher = new SecretHasher(config());
    const stored = hasher.hash('abc');
    expect(hasher.verify(stored, 'abc')).toBe(true);
    expect(hasher.verify(stored, 'abd')).toBe(false);
    expect(hasher.verify(stored, '')).toBe(false);
  });

  it('keeps the stored hash format and value (hashes written before stay valid)', () => {
    const hasher = new SecretHasher(loadConfig({ NODE_ENV: 'test', NEXINID_DATA_DIR: 'memory://', NEXINID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') }));
    expect(hasher.hash('nxs_example')).toBe('hmac-sha256$K13NPSHxSpoZROHW_lMSVHnF6CjFHpwE2iowBKhVeko');
  });
});
