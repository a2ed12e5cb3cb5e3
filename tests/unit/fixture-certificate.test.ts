import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../fixtures/server/certificate';

describe('the e2e fixture server certificate', () => {
  it('is a valid self-signed certificate for the fixture hosts and 127.0.0.1', () => {
    const { cert, key } = createSelfSignedCertificate(['mail.google.com', 'outlook.office.com']);
    const parsed = new X509Certificate(cert);
    expect(parsed.subjectAltName).toBe(
      'DNS:mail.google.com, DNS:outlook.office.com, IP Address:127.0.0.1',
    );
    expect(parsed.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(parsed.verify(parsed.publicKey)).toBe(true);
    expect(new Date(parsed.validFrom).getTime()).toBeLessThan(Date.now());
    expect(new Date(parsed.validTo).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });

  it('always encodes as strict DER (random serials and signatures vary in length)', () => {
    // A serial with a leading zero byte once made 1 run in 256 fail with "illegal padding".
    for (let run = 0; run < 500; run++) {
      const { cert } = createSelfSignedCertificate(['example.com']);
      expect(() => new X509Certificate(cert)).not.toThrow();
    }
  });
});
