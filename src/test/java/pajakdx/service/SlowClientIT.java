package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import pajakdx.LiveRuleBase;
import pajakdx.TestRules;

/**
 * Review finding: clients that drip a request body a byte at a time never reach the idle timeout
 * and, a few hundred of them, held every server thread. Below the minimum data rate the request
 * is failed and the connection let go; the service goes on answering.
 */
class SlowClientIT {

    @Test
    void aBodyDrippedAByteASecond_isCutOff_andTheServiceStillAnswers() throws Exception {
        dripped("/v1/diagnose");
    }

    /** The batch reads a body of declared length whole before it diagnoses: still under the same guard. */
    @Test
    void aBatchBodyDrippedAByteASecond_isCutOff_andTheServiceStillAnswers() throws Exception {
        dripped("/v1/batch");
    }

    private static void dripped(String path) throws Exception {
        try (Running api = new Running(LiveRuleBase.of(TestRules::rules), ServiceConfig.defaults());
             Socket socket = new Socket(api.base.getHost(), api.base.getPort())) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            int sent = 1;
            boolean cutOff = false;
            // At 256 bytes/s the allowance is gone long before 400 bytes at one a second (400 s).
            while (!cutOff && sent < 60) {
                try {
                    out.write(' ');
                    out.flush();
                    sent++;
                } catch (IOException closed) {
                    cutOff = true;
                    break;
                }
                try {
                    int b = in.read();
                    cutOff = true; // an answer (408/400) or the end of the stream, before the body was complete
                    assertTrue(b == -1 || b == 'H', "an HTTP answer or a close, got byte " + b);
                } catch (SocketTimeoutException stillWaiting) {
                    // the server is still reading: drip on
                } catch (IOException reset) {
                    cutOff = true;
                }
            }
            assertTrue(cutOff, "still reading after " + sent + " bytes in " + (System.nanoTime() - start) / 1_000_000
                    + " ms");
            Running.Reply health = api.get("/healthz");
            assertEquals(200, health.status(), health.toString());
        }
    }
}
