/** A stand-in view for screens that come with later issues (Data, Load). */
package org.opsconsole.console.ui.placeholder;
