/**
 * Module twins: desired properties from the manifest (patched through the admin API) delivered
 * retained to each module, and the reported properties modules send back.
 */
package io.edgejava.hub.twin;
