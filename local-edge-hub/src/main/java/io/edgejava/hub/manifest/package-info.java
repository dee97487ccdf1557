/**
 * Reads the deployment manifest: the routes and store-and-forward settings of {@code $edgeHub}, the
 * modules {@code $edgeAgent} runs, and each module's desired properties.
 */
package io.edgejava.hub.manifest;
