/**
 * Route path templates, parsed one way for the annotation processor and the runtime. Application code does not
 * use it.
 */
package dev.switchboard.path;
