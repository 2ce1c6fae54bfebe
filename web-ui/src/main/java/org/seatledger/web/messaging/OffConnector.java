package org.seatledger.web.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.eclipse.microprofile.reactive.messaging.spi.IncomingConnectorFactory;
import org.eclipse.microprofile.reactive.messaging.spi.OutgoingConnectorFactory;
import org.eclipse.microprofile.reactive.streams.operators.PublisherBuilder;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;
import org.reactivestreams.Subscription;

/**
 * Where the channels lead while no broker is configured ({@link MessagingSettings}): nothing comes
 * in, and whatever would go out is refused (nacked). The channels still exist, so the application
 * deploys the same way with and without Kafka, and nothing tries to reach a broker. The relay does
 * not run then, so nothing is sent to be refused.
 */
@ApplicationScoped
@Connector(OffConnector.NAME)
public class OffConnector implements IncomingConnectorFactory, OutgoingConnectorFactory {

  static final String NAME = "seatledger-off";

  @Override
  public PublisherBuilder<? extends Message<?>> getPublisherBuilder(Config config) {
    return ReactiveStreams.fromPublisher(
        subscriber ->
            subscriber.onSubscribe(
                new Subscription() {
                  @Override
                  public void request(long n) {
                    // never anything: no broker is configured
                  }

                  @Override
                  public void cancel() {
                    // nothing to stop
                  }
                }));
  }

  @Override
  public SubscriberBuilder<? extends Message<?>, Void> getSubscriberBuilder(Config config) {
    return ReactiveStreams.<Message<?>>builder()
        .forEach(
            message ->
                message.nack(
                    new IllegalStateException(
                        "no message broker: " + MessagingSettings.BOOTSTRAP + " is not set")));
  }
}
