import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A head-end pushing reading batches over JMS, for run.sh: sends every *.json file of a folder (in
 * name order) as a text message to the queue mdms.readings, through a node's HTTP port, with the file
 * name as the batch's idempotency key, in one transaction: the broker gets them all at once. If the
 * node dies before the commit, it sends them all again through the next node of the list (their keys
 * make that safe). Run with
 * WildFly's client library on the class path (run.sh compiles it first, so that sending starts at once):
 *
 *   java -cp JBOSS_HOME/bin/client/jboss-client.jar JmsSend.java HTTP_PORT[,HTTP_PORT...] USER PASSWORD FOLDER
 */
public class JmsSend {

    public static void main(String[] args) throws Exception {
        String[] ports = args[0].split(",");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[3]))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (String port : ports) {
            try (JMSContext context = factory(port).createContext(args[1], args[2], JMSContext.SESSION_TRANSACTED)) {
                Queue queue = context.createQueue("mdms.readings");
                JMSProducer producer = context.createProducer();
                for (Path file : files) {
                    TextMessage message = context.createTextMessage(Files.readString(file, StandardCharsets.UTF_8));
                    message.setStringProperty("idempotencyKey", file.getFileName().toString().replace(".json", ""));
                    producer.send(queue, message);
                }
                context.commit();
                System.out.println("sent " + files.size() + " messages to mdms.readings through port " + port);
                return;
            } catch (JMSRuntimeException e) {
                System.out.println("port " + port + " failed (" + e + "); sending through the next node");
            }
        }
        throw new IllegalStateException("no node took the " + files.size() + " messages");
    }

    private static ConnectionFactory factory(String port) throws ReflectiveOperationException {
        String url = "tcp://127.0.0.1:" + port + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
        ConnectionFactory factory = (ConnectionFactory) Class
                .forName("org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory")
                .getConstructor(String.class).newInstance(url);
        // WildFly names JMS queues' addresses jms.queue.<name>: the client adds that prefix.
        factory.getClass().getMethod("setEnable1xPrefixes", boolean.class).invoke(factory, true);
        return factory;
    }
}
