package org.opsconsole.archfixture.cycle.a;

import org.opsconsole.archfixture.cycle.b.Beta;

/** Half of a package cycle that ArchitectureTest's rule must catch. */
public class Alpha {
    Beta beta;
}
