/**
 * What every module shares: bad-input reporting, the clock, locales and the public pages.
 * It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openvrm.platform;
