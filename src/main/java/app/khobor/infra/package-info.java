/**
 * Plumbing every feature shares, written once: named daemon threads and the jittered exponential backoff that sources,
 * delivery and the Telegram connection retry with. Imports nothing of Khobor.
 */
package app.khobor.infra;
