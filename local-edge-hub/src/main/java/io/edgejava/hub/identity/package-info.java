/**
 * Who a client is and what it may touch: module keys, authentication at connect, the subscription
 * policy, and which modules are connected now.
 */
package io.edgejava.hub.identity;
