-- The TID (chip serial) read with the EPC: the first one of the passage, and the first that differed
-- from it within the same presence (one EPC answering with two chips: a cloned EPC). Null when the
-- reader read no TID, and for passages stored before.
ALTER TABLE passage ADD COLUMN tid VARCHAR(128);
ALTER TABLE passage ADD COLUMN tid_other VARCHAR(128);
