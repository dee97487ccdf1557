/**
 * {@code $upstream}: with no cloud offline, what routes send upstream is published on {@code
 * upstream/{module}/{output}} and the last messages are kept for the admin API.
 */
package io.edgejava.hub.upstream;
