package org.seatledger.bench.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy that makes a database next door look like one across a network (as Toxiproxy's
 * latency toxic does): every chunk of bytes is held for the configured one-way delay before it is
 * passed on, in each direction, so a round trip costs twice the delay. Chunks keep their order and
 * do not wait for each other: the delay is latency, not a bandwidth limit. A part of the benchmark
 * only; {@code bench/run} starts it between the server and the database.
 *
 * <pre>
 *   java LatencyProxy LISTEN_PORT TARGET_HOST TARGET_PORT CONTROL_PORT
 * </pre>
 *
 * The control port (loopback only) takes one line per connection: {@code delay MICROS} sets the
 * one-way delay for every connection from then on and answers {@code ok MICROS}; {@code delay}
 * alone answers the current one.
 */
public final class LatencyProxy {

  private static final AtomicLong ONE_WAY_NANOS = new AtomicLong();

  private record Chunk(long dueNanos, byte[] bytes) {}

  private LatencyProxy() {}

  public static void main(String[] args) throws IOException {
    int listen = Integer.parseInt(args[0]);
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    int control = Integer.parseInt(args[3]);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    ServerSocket controls = new ServerSocket(control, 5, loopback);
    daemon("proxy-control", () -> controlLoop(controls));
    try (ServerSocket server = new ServerSocket(listen, 200, loopback)) {
      System.out.println("latency proxy 127.0.0.1:" + listen + " -> " + host + ":" + port);
      while (true) {
        Socket client = server.accept();
        Socket upstream = new Socket();
        try {
          upstream.connect(new InetSocketAddress(host, port), 10_000);
        } catch (IOException e) {
          client.close();
          continue;
        }
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        pipe(client, upstream);
        pipe(upstream, client);
      }
    }
  }

  /** One direction: a reader stamps each chunk with its due time, a writer sends it then. */
  private static void pipe(Socket from, Socket to) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    byte[] end = new byte[0];
    daemon(
        "proxy-read",
        () -> {
          byte[] buffer = new byte[64 * 1024];
          try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
              queue.add(
                  new Chunk(System.nanoTime() + ONE_WAY_NANOS.get(), Arrays.copyOf(buffer, n)));
            }
          } catch (IOException closed) {
            // the other side went away: pass the end on
          }
          queue.add(new Chunk(System.nanoTime(), end));
        });
    daemon(
        "proxy-write",
        () -> {
          try {
            while (true) {
              Chunk chunk = queue.take();
              for (long wait; (wait = chunk.dueNanos() - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
              }
              if (chunk.bytes() == end) {
                break;
              }
              out.write(chunk.bytes());
              out.flush();
            }
          } catch (IOException | InterruptedException closed) {
            // either side closed
          }
          close(from);
          close(to);
        });
  }

  private static void controlLoop(ServerSocket controls) {
    while (true) {
      try (Socket s = controls.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
        String[] words = String.valueOf(in.readLine()).trim().split("\\s+");
        if (words[0].equals("delay") && words.length == 2) {
          ONE_WAY_NANOS.set(Long.parseLong(words[1]) * 1000);
        }
        out.println("ok " + ONE_WAY_NANOS.get() / 1000);
      } catch (IOException | RuntimeException e) {
        System.err.println("latency proxy control: " + e);
      }
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  /** Sets the one-way delay of the proxy listening for control on {@code controlPort}. */
  static void setOneWayMicros(int controlPort, long micros) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), controlPort);
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      out.println("delay " + micros);
      String answer = in.readLine();
      if (!("ok " + micros).equals(answer)) {
        throw new IOException("the latency proxy answered " + answer);
      }
    }
  }
}
