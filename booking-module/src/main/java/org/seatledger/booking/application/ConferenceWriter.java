package org.seatledger.booking.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandResult;

/**
 * The one writer of a conference on this server: commands for the conference (and its bookings)
 * queue here and are carried out in batches, one batch at a time.
 *
 * <p>One writer per aggregate means no two threads of this server race for the same stream, so
 * there are no retry storms; a busy conference gets many commands decided against one loaded state
 * and appended in one transaction (one fsync for the whole batch). Another server's writer for the
 * same conference is still possible: the store's version guard catches it and the batch is decided
 * again on fresh state.
 */
final class ConferenceWriter {

  static final int MAX_BATCH = 200;

  /** A command waiting for its turn, and who waits for its result. */
  record Pending(
      BookingCommand command, CommandContext context, CompletableFuture<CommandResult> result) {}

  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Executor executor;
  private final Consumer<List<Pending>> process;

  ConferenceWriter(Executor executor, Consumer<List<Pending>> process) {
    this.executor = executor;
    this.process = process;
  }

  CompletableFuture<CommandResult> submit(BookingCommand command, CommandContext context) {
    CompletableFuture<CommandResult> result = new CompletableFuture<>();
    queue.add(new Pending(command, context, result));
    schedule();
    return result;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException rejected) {
        scheduled.set(false);
        failAll(rejected);
      }
    }
  }

  private void drain() {
    try {
      List<Pending> batch = new ArrayList<>();
      while (true) {
        batch.clear();
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
          batch.add(next);
        }
        if (batch.isEmpty()) {
          return;
        }
        try {
          process.accept(List.copyOf(batch));
        } catch (RuntimeException unexpected) {
          batch.forEach(p -> p.result().completeExceptionally(unexpected));
        }
      }
    } finally {
      scheduled.set(false);
      if (!queue.isEmpty()) {
        schedule();
      }
    }
  }

  private void failAll(RuntimeException cause) {
    for (Pending next; (next = queue.poll()) != null; ) {
      next.result().completeExceptionally(cause);
    }
  }
}
