/**
 * The small interface between generated route adapters and the runtime. Application code does not use it.
 */
package dev.switchboard.binding;
