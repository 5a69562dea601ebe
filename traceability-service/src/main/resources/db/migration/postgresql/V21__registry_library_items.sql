-- Registry: library items (the item id is the item barcode; the RFID tag is bound to it).
CREATE TABLE library_item (
    item_id      VARCHAR(32)  COLLATE "C" PRIMARY KEY,
    title        VARCHAR(500) NOT NULL,
    call_number  VARCHAR(64),
    home_library VARCHAR(64),
    loan_status  VARCHAR(16)  NOT NULL,
    due_date     DATE
);
CREATE INDEX library_item_status_idx ON library_item (loan_status, due_date);
