#include "hw/card/CardReader.h"

#include "hw/common/ThreadJoin.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <cstring>
#include <functional>
#include <vector>
#include <winscard.h>

namespace mk::hw {

namespace {
Q_LOGGING_CATEGORY(lcCard, "medkiosk.hw.card")

QString pcscText(LONG rv)
{
    return QString::fromLocal8Bit(pcsc_stringify_error(rv));
}

bool serviceGone(LONG rv)
{
    return rv == static_cast<LONG>(SCARD_E_NO_SERVICE) ||
           rv == static_cast<LONG>(SCARD_E_SERVICE_STOPPED) ||
           rv == static_cast<LONG>(SCARD_E_INVALID_HANDLE);
}

bool cardGone(LONG rv)
{
    return rv == static_cast<LONG>(SCARD_W_REMOVED_CARD) ||
           rv == static_cast<LONG>(SCARD_E_NO_SMARTCARD) ||
           rv == static_cast<LONG>(SCARD_W_RESET_CARD) ||
           rv == static_cast<LONG>(SCARD_E_READER_UNAVAILABLE) ||
           rv == static_cast<LONG>(SCARD_W_UNPOWERED_CARD) ||
           rv == static_cast<LONG>(SCARD_W_UNRESPONSIVE_CARD);
}
}  // namespace

// Shared by the CardReader and its worker thread. The worker reaches the CardReader only through
// post(), which does nothing once owner is cleared (the thread was abandoned).
struct CardReader::Shared {
    CardReaderConfig config;
    std::atomic<bool> stop{false};
    std::atomic<long> context{0};  // SCARDCONTEXT while the worker holds one (for SCardCancel)
    QMutex mutex;
    CardReader* owner = nullptr;  // guarded by mutex

    // Runs f(owner) on the owner's thread (signals arrive there), unless abandoned.
    void post(std::function<void(CardReader*)> f)
    {
        const QMutexLocker lock(&mutex);
        if (owner == nullptr) return;
        CardReader* reader = owner;
        QMetaObject::invokeMethod(
            reader, [reader, f = std::move(f)]() { f(reader); }, Qt::QueuedConnection);
    }
};

CardReader::CardReader(CardReaderConfig config, QObject* parent)
    : Device(parent), config_(std::move(config))
{
    qRegisterMetaType<mk::hw::CardInfo>();
    qRegisterMetaType<mk::hw::DeviceHealth>();
    health_.device_id = config_.device_id;
    health_.kind = QStringLiteral("card");
}

CardReader::~CardReader()
{
    stop();
}

void CardReader::start()
{
    if (thread_ != nullptr) return;
    if (!config_.enabled) {
        health_.state = DeviceState::Missing;
        health_.detail = tr("no card reader configured ([devices] card_reader = none)");
        Q_EMIT healthChanged(health_);
        return;
    }
    shared_ = std::make_shared<Shared>();
    shared_->config = config_;
    shared_->owner = this;
    thread_ = QThread::create([shared = shared_]() { run(shared); });
    thread_->setObjectName(QStringLiteral("card-reader"));
    thread_->start();
}

void CardReader::stop(QDeadlineTimer deadline)
{
    if (thread_ == nullptr) return;
    shared_->stop = true;
    const long context = shared_->context.load();
    if (context != 0) SCardCancel(static_cast<SCARDCONTEXT>(context));
    if (!ThreadJoin::finish(thread_, deadline, QStringLiteral("card reader"))) {
        const QMutexLocker lock(&shared_->mutex);
        shared_->owner = nullptr;
    }
    thread_ = nullptr;
    shared_.reset();
}

void CardReader::report(DeviceState state, const QString& detail)
{
    if (health_.state == state && health_.detail == detail) return;
    health_.state = state;
    health_.detail = detail;
    qCInfo(lcCard) << "card reader" << health_.device_id << deviceStateName(state) << detail;
    Q_EMIT healthChanged(health_);
}

CardInfo CardReader::identify(const QByteArray& atr, const QByteArray& get_data_response)
{
    CardInfo info;
    info.atr = atr;
    const qsizetype n = get_data_response.size();
    if (n > 2 && static_cast<quint8>(get_data_response.at(n - 2)) == 0x90 &&
        get_data_response.at(n - 1) == 0) {
        info.source = CardInfo::IdSource::Uid;
        info.identifier =
            QStringLiteral("uid:") + QString::fromLatin1(get_data_response.left(n - 2).toHex());
    } else {
        info.source = CardInfo::IdSource::AtrHash;
        info.identifier =
            QStringLiteral("atr:") +
            QString::fromLatin1(
                QCryptographicHash::hash(atr, QCryptographicHash::Sha256).toHex().left(32));
    }
    return info;
}

void CardReader::run(const std::shared_ptr<Shared>& shared)
{
    Shared& s = *shared;
    const CardReaderConfig& config = s.config;
    SCARDCONTEXT context = 0;
    bool card_present = false;
    DWORD card_events = 0;
    DWORD known_state = SCARD_STATE_UNAWARE;
    QString reader;
    const DWORD step_ms = static_cast<DWORD>(config.wait_step_ms);
    auto report = [&s](DeviceState state, const QString& detail) {
        s.post([state, detail](CardReader* r) { r->report(state, detail); });
    };
    auto pause = [&s](int ms) {
        for (int waited = 0; waited < ms && !s.stop; waited += 50) QThread::msleep(50);
    };
    auto dropContext = [&]() {
        if (context != 0) SCardReleaseContext(context);
        context = 0;
        s.context = 0;
        reader.clear();
        known_state = SCARD_STATE_UNAWARE;
        if (card_present) s.post([](CardReader* r) { Q_EMIT r->cardRemoved(); });
        card_present = false;
    };

    while (!s.stop) {
        if (context == 0) {
            const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
            if (rv != SCARD_S_SUCCESS) {
                context = 0;
                report(DeviceState::Missing,
                       tr("smart card service (pcscd) not running: %1").arg(pcscText(rv)));
                pause(1000);
                continue;
            }
            s.context = static_cast<long>(context);
        }
        if (reader.isEmpty()) {
            DWORD length = 0;
            LONG rv = SCardListReaders(context, nullptr, nullptr, &length);
            std::vector<char> names(length > 0 ? length : 1, '\0');
            if (rv == SCARD_S_SUCCESS)
                rv = SCardListReaders(context, nullptr, names.data(), &length);
            if (serviceGone(rv)) {
                dropContext();
                continue;
            }
            for (const char* p = names.data(); rv == SCARD_S_SUCCESS && *p != '\0';
                 p += std::strlen(p) + 1) {
                const QString name = QString::fromLocal8Bit(p);
                if (config.reader_name.isEmpty() ||
                    name.contains(config.reader_name, Qt::CaseInsensitive)) {
                    reader = name;
                    break;
                }
            }
            if (reader.isEmpty()) {
                report(DeviceState::Missing,
                       config.reader_name.isEmpty()
                           ? tr("no card reader connected: plug in the reader")
                           : tr("card reader \"%1\" not connected: plug it in")
                                 .arg(config.reader_name));
                pause(1000);
                continue;
            }
            report(DeviceState::Ready, reader);
        }

        const QByteArray reader_bytes = reader.toLocal8Bit();
        SCARD_READERSTATE state{};
        state.szReader = reader_bytes.constData();
        state.dwCurrentState = known_state;
        const LONG rv = SCardGetStatusChange(context, step_ms, &state, 1);
        if (rv == static_cast<LONG>(SCARD_E_TIMEOUT) || rv == static_cast<LONG>(SCARD_E_CANCELLED))
            continue;
        if (rv != SCARD_S_SUCCESS) {
            qCInfo(lcCard) << "card reader: status change failed:" << pcscText(rv);
            dropContext();
            if (!serviceGone(rv)) pause(500);
            continue;
        }
        known_state = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        if ((state.dwEventState &
             (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE | SCARD_STATE_UNAVAILABLE)) != 0) {
            dropContext();  // the reader was unplugged: list readers again
            continue;
        }
        const bool present = (state.dwEventState & SCARD_STATE_PRESENT) != 0 &&
                             (state.dwEventState & SCARD_STATE_MUTE) == 0;
        // pcsc-lite counts card events in the upper 16 bits: a card swapped faster than one wait
        // shows as present -> present with a new count.
        const DWORD events = state.dwEventState >> 16;
        const bool swapped = present && card_present && events != card_events;
        card_events = events;
        if (present == card_present && !swapped) continue;
        if (swapped) s.post([](CardReader* r) { Q_EMIT r->cardRemoved(); });
        card_present = present;
        if (!present) {
            s.post([](CardReader* r) { Q_EMIT r->cardRemoved(); });
            continue;
        }

        SCARDHANDLE card = 0;
        DWORD protocol = 0;
        LONG crv = SCardConnect(context, reader_bytes.constData(), SCARD_SHARE_SHARED,
                                SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
        QByteArray atr;
        QByteArray response;
        if (crv == SCARD_S_SUCCESS) {
            BYTE atr_bytes[MAX_ATR_SIZE] = {};
            DWORD atr_length = sizeof(atr_bytes);
            DWORD card_state = 0;
            DWORD card_protocol = 0;
            crv = SCardStatus(card, nullptr, nullptr, &card_state, &card_protocol, atr_bytes,
                              &atr_length);
            if (crv == SCARD_S_SUCCESS)
                atr = QByteArray(reinterpret_cast<const char*>(atr_bytes), atr_length);
        }
        if (crv == SCARD_S_SUCCESS) {
            const BYTE get_uid[] = {0xff, 0xca, 0x00, 0x00, 0x00};
            BYTE buffer[258] = {};
            DWORD length = sizeof(buffer);
            const SCARD_IO_REQUEST* pci =
                protocol == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
            crv = SCardTransmit(card, pci, get_uid, sizeof(get_uid), nullptr, buffer, &length);
            if (crv == SCARD_S_SUCCESS)
                response = QByteArray(reinterpret_cast<const char*>(buffer), length);
            if (crv == SCARD_S_SUCCESS && response.size() < 2) {
                // No status word: the card left during the exchange, or it is mute.
                DWORD card_state = 0;
                DWORD card_protocol = 0;
                DWORD atr_length = 0;
                const LONG src = SCardStatus(card, nullptr, nullptr, &card_state, &card_protocol,
                                             nullptr, &atr_length);
                crv = src != SCARD_S_SUCCESS ? src : static_cast<LONG>(SCARD_W_UNRESPONSIVE_CARD);
            }
        }
        if (card != 0) SCardDisconnect(card, SCARD_LEAVE_CARD);
        if (crv != SCARD_S_SUCCESS) {
            const QString detail =
                cardGone(crv)
                    ? tr("card removed while reading: insert the card again and leave it in")
                    : tr("card could not be read (%1): try again").arg(pcscText(crv));
            s.post([detail](CardReader* r) { Q_EMIT r->readFailed(detail); });
            // Not read again until it is taken out (the next change says removed; if it already
            // was, that change is waiting and cardRemoved() follows).
            continue;
        }
        CardInfo info = identify(atr, response);
        info.reader = reader;
        s.post([info](CardReader* r) { Q_EMIT r->cardInserted(info); });
    }
    if (context != 0) SCardReleaseContext(context);
    s.context = 0;
}

}  // namespace mk::hw
