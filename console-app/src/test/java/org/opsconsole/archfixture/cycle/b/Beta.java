package org.opsconsole.archfixture.cycle.b;

import org.opsconsole.archfixture.cycle.a.Alpha;

/** The other half of the cycle. */
public class Beta {
    Alpha alpha;
}
