/**
 * Integration over MicroProfile Reactive Messaging and Kafka: the public contract of integration
 * events ({@link org.seatledger.web.messaging.IntegrationContract}, schemas in {@code
 * docs/integration}), the relay that publishes them from the log on the projection engine ({@link
 * org.seatledger.web.messaging.IntegrationRelay}), the inbound payments channel ({@link
 * org.seatledger.web.messaging.PaymentsChannel}), and the switch that leaves all of it off until a
 * broker is configured ({@link org.seatledger.web.messaging.MessagingSettings}).
 */
package org.seatledger.web.messaging;
