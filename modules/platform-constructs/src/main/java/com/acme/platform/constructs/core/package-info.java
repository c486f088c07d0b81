/** Validation and JSON helpers shared by every construct. Creates no resources. */
package com.acme.platform.constructs.core;
