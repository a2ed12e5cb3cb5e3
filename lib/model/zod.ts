import { z } from 'zod';

// zod v4 probes for `new Function` to speed up parsing. Extension CSPs forbid eval and
// Firefox's linter flags the probe, so run zod without it everywhere. Import z from here.
z.config({ jitless: true });

export { z };
