/**
 * Direct methods between modules: the hub checks that the target is connected (answering 404 at
 * once when it is not), remembers each call until it is answered or expires, lets only the called
 * module answer it, and invokes methods itself for the admin API.
 */
package io.edgejava.hub.method;
