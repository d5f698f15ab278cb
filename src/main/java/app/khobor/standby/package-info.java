/**
 * Active/standby: several Khobor processes on one PostgreSQL database, exactly one of them active. The active one
 * holds a lease (a row with an expiry and an epoch) that it renews; the others try to take it when it lapses. The
 * epoch fences: a write tagged with an older epoch is refused by the database, so a process that lost the lease
 * cannot send or mark anything. Imports only {@code infra} of Khobor.
 */
package app.khobor.standby;
