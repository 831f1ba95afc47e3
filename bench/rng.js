// mulberry32: a small, seedable generator, good enough for test data. The
// corpus generators and the query drawers share it, so the same seed gives
// the same corpus and queries everywhere.
'use strict';

module.exports = function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
