/**
 * local-edge-hub as a test fixture: the sample modules' integration tests run the real hub
 * in-process with {@link io.edgejava.hub.testing.LocalHub}, on free ports, with the project's own
 * deployment manifest.
 */
package io.edgejava.hub.testing;
